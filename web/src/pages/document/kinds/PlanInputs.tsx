/** What a plan builds on (seed 000): the previous results audit's improvement areas and the RBR's analysis report's focus areas, beside the challenges. */
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { planInputsResponse } from '../../../../../src/followup/shared';
import { api } from '../../../api';
import { Link } from '../../../router';

export function PlanInputs({ jobcenter, year }: { jobcenter: string; year: number }) {
  const [inputs, setInputs] = useState<z.output<typeof planInputsResponse> | null>(null);
  useEffect(() => {
    api(`/api/followup/plan-inputs?jobcenter=${encodeURIComponent(jobcenter)}&year=${year}`, planInputsResponse).then(setInputs, () => setInputs(null));
  }, [jobcenter, year]);
  if (!inputs) return null;
  return (
    <aside className="doc-inputs" aria-labelledby="plan-inputs">
      <h3 id="plan-inputs" className="h4">Input til planen</h3>
      <p className="form-hint">De vigtigste input er ministermålene (ovenfor), den forudgående resultatrevision og det regionale beskæftigelsesråds analyserapport.</p>
      <h4 className="h5">{inputs.audit ? <Link to={`/dokumenter/${inputs.audit.id}`}>Resultatrevision {inputs.audit.year}</Link> : 'Resultatrevisionen'}: forbedringsområder</h4>
      {!inputs.audit ? <p className="doc-empty">Der er ingen resultatrevision før {year}.</p> : inputs.audit.improvements.length === 0 ? <p className="doc-empty">Revisionen peger ikke på forbedringsområder.</p> : <ul>{inputs.audit.improvements.map((t, i) => <li key={i}>{t}</li>)}</ul>}
      <h4 className="h5">{inputs.analysis ? <Link to={`/dokumenter/${inputs.analysis.id}`}>RBR’s analyserapport {inputs.analysis.year}</Link> : 'RBR’s analyserapport'}: anbefalede fokusområder</h4>
      {!inputs.analysis ? <p className="doc-empty">Der er ingen offentliggjort analyserapport endnu.</p> : inputs.analysis.focus_areas.length === 0 ? <p className="doc-empty">Rapporten har endnu ingen fokusområder.</p> : <ul>{inputs.analysis.focus_areas.map((f, i) => <li key={i}><strong>{f.title}</strong>{f.text ? `: ${f.text}` : ''}</li>)}</ul>}
    </aside>
  );
}
