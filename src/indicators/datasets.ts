/**
 * The datasets a release consists of, as docs/measures.md defines them.
 *
 * The engine writes one DuckDB table per dataset, named as the dataset, with the key
 * columns `area, benefit, freq, period, breakdown, breakdown_value` (plus `offer` for
 * activation), one column per measure and one per disclosure count. Disclosure control
 * adds `status` ('published' | 'primary' | 'secondary'). Publishing copies them to
 * PostgreSQL as time series.
 */
export type DatasetId = 'volume' | 'flow' | 'longterm' | 'activation' | 'timeliness' | 'education';

export type Freq = 'M' | 'Q' | 'Y' | 'R';
export const freqs: readonly Freq[] = ['M', 'Q', 'Y', 'R'];

interface MeasureSpec {
  id: string;
  /** Danish label, as Jobindsats writes it where the measure exists there. */
  label: string;
  /** Counts sum over parts (used by secondary suppression and by sanity checks). */
  additive: boolean;
  decimals: number;
}

interface DatasetSpec {
  id: DatasetId;
  /** Extra key columns beyond the common ones. */
  extraKeys: string[];
  measures: MeasureSpec[];
  /** Person counts that decide primary suppression (each must be 0 or ≥ threshold). */
  disclosureCounts: string[];
}

const m = (id: string, label: string, additive: boolean, decimals = 0): MeasureSpec => ({ id, label, additive, decimals });

export const datasets: Record<DatasetId, DatasetSpec> = {
  volume: {
    id: 'volume',
    extraKeys: [],
    measures: [
      m('persons', 'Antal personer', false),
      m('fulltime', 'Antal fuldtidspersoner', false, 1),
      m('pct_workforce', 'Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år', false, 1),
      m('pct_population', 'Fuldtidspersoner i pct. af befolkningen 16-66 år', false, 1),
      m('person_weeks', 'Antal personuger', true),
    ],
    disclosureCounts: ['persons'],
  },
  flow: {
    id: 'flow',
    extraKeys: [],
    measures: [
      m('inflow', 'Tilgang', true),
      m('outflow', 'Afgang', true),
      m('outflow_self_support', 'Afgang til selvforsørgelse', true),
      m('avg_duration', 'Gennemsnitlig varighed (uger)', false, 1),
    ],
    disclosureCounts: ['inflow_persons', 'outflow_persons', 'self_support_persons'],
  },
  longterm: {
    id: 'longterm',
    extraKeys: [],
    measures: [
      m('longterm_fulltime', 'Antal langtidsledige fuldtidspersoner', false, 1),
      m('longterm_persons', 'Antal langtidsledige personer', false),
      m('gross_persons', 'Antal bruttoledige personer', false),
      m('longterm_share', 'Andel langtidsledige personer ift. bruttoledige personer', false, 1),
      m('longterm_person_weeks', 'Antal langtidsledige personuger', true),
    ],
    disclosureCounts: ['longterm_persons', 'gross_persons'],
  },
  activation: {
    id: 'activation',
    extraKeys: ['offer'],
    measures: [
      m('activated', 'Antal aktiverede', false),
      m('fulltime_activated', 'Antal fuldtidsaktiverede', false, 1),
      m('activation_rate', 'Aktiveringsgrad', false, 1),
      m('activated_weeks', 'Antal aktiveringsuger', true),
    ],
    disclosureCounts: ['activated', 'persons'],
  },
  timeliness: {
    id: 'timeliness',
    extraKeys: [],
    measures: [
      m('interviews_due', 'Antal samtaler der skulle afholdes', true),
      m('interviews_on_time', 'Antal rettidige samtaler', true),
      m('timeliness', 'Rettidighed (pct.)', false, 1),
    ],
    disclosureCounts: ['persons_due', 'persons_on_time'],
  },
  education: {
    id: 'education',
    extraKeys: [],
    measures: [
      m('persons_ended', 'Antal unge 15-29 år med afsluttet forløb', false),
      m('persons_to_education', 'Antal unge 15-29 år i uddannelse inden for 4 uger', false),
      m('education_rate', 'Uddannelsesgrad', false, 1),
    ],
    disclosureCounts: ['persons_ended', 'persons_to_education'],
  },
};

/** Key columns every dataset table has, in order. */
export const commonKeys = ['area', 'benefit', 'freq', 'period', 'breakdown', 'breakdown_value'] as const;

export const offerKinds = ['virksomhedspraktik', 'loentilskud', 'vejledning_opkvalificering'] as const;
