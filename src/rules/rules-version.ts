/**
 * Version of the rule set, stored with every result (DESIGN.md §5). 1.1.0: the aid thresholds
 * (src/domain/aid-thresholds.json, DESIGN.md §11).
 */
export const RULES_VERSION = '1.1.0';
