import type { ChartColour } from './chartTheme';

/** One series of a chart, and one column of its table. */
export interface ChartSeries {
  label: string;
  /** One value per label; null: no value (e.g. an answer rate without questions). */
  data: (number | null)[];
  colour: ChartColour;
  /** In a bar chart, drawn as a line over the bars. */
  line?: boolean;
  dashed?: boolean;
  /** Shown in the table only (e.g. a total the stacked bars already add up to). */
  tableOnly?: boolean;
  /** How its values read in the table and tooltips (default: the number). */
  format?: (value: number | null) => string;
}

export type ChartKind = 'line' | 'bar';
