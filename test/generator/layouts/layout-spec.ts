/** What distinguishes one page layout from another. */

export type ColumnKey = 'num' | 'designation' | 'qty' | 'unit' | 'qtyunit' | 'pu' | 'total' | 'tva';

export interface LayoutSpec {
  name: string;
  format: 'pdf' | 'txt';
  /** Where the company identity is printed. `footer`: only in the page footer. */
  company: 'left' | 'right' | 'top' | 'footer';
  client: 'right' | 'below' | 'boxed';
  /** Table columns, left to right (`num` only when lines are numbered). */
  columns: ColumnKey[];
  /** VAT as a rate column, as a code with a legend, or one rate stated in the totals. */
  vat: 'column' | 'code' | 'single';
  totals: 'before' | 'after';
  /** Prices printed TTC only (no HT). */
  ttcOnly: boolean;
  /** The table is split across two pages with its header repeated. */
  splitTable: boolean;
  /** Section headings printed in the table. */
  sections: boolean;
}
