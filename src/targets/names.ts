/** A target's statuses and their Danish names. No dependencies: the web app imports this file as it is. */
export type TargetStatus = 'met' | 'missed' | 'on_track' | 'at_risk' | 'off_track' | 'not_measurable' | 'no_data';

export const statusLabels: Record<TargetStatus, string> = {
  met: 'Nået',
  /** The deadline has passed and the value missed the target. */
  missed: 'Ikke nået',
  on_track: 'På vej',
  at_risk: 'I risiko',
  /** Before the deadline: the forecast meets the target with probability < 0.2. */
  off_track: 'Ikke på vej',
  not_measurable: 'Ikke målbart',
  no_data: 'Ingen data',
};
