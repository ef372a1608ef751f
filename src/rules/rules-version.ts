/** Version of the rule set, stored with every result (DESIGN.md §5). */
export const RULES_VERSION = '1.0.0';
