/** A target's statuses and their Danish names. No dependencies: the web app imports this file as it is. */
export type TargetStatus = 'met' | 'on_track' | 'at_risk' | 'off_track' | 'not_measurable' | 'no_data';

export const statusLabels: Record<TargetStatus, string> = {
  met: 'Nået',
  on_track: 'På vej',
  at_risk: 'I risiko',
  off_track: 'Ikke på vej',
  not_measurable: 'Ikke målbart',
  no_data: 'Ingen data',
};
