import 'dkfds/css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Layout } from './Layout';
import { Home } from './pages/Home';
import { Invitation } from './pages/Invitation';
import { Login } from './pages/Login';
import { Explorer } from './pages/Explorer';
import { Statbank } from './pages/Statbank';
import { Profile } from './pages/Profile';
import { AuditLog } from './pages/AuditLog';
import { Users } from './pages/Users';
import { Benchmark } from './pages/Benchmark';
import { BenchmarkJobcenter } from './pages/BenchmarkJobcenter';
import { ResultProblems } from './pages/ResultProblems';
import { Followup } from './pages/Followup';
import { FollowupCase } from './pages/FollowupCase';
import { Documents } from './pages/Documents';
import { DocumentPage } from './pages/document/DocumentPage';
import { Targets } from './pages/Targets';
import { MinisterGoals } from './pages/MinisterGoals';
import { Councils } from './pages/Councils';
import { CouncilPage } from './pages/Council';
import { MeetingPage } from './pages/Meeting';
import { HearingPage } from './pages/Hearing';
import { YearlyCalendar } from './pages/YearlyCalendar';
import { Notifications } from './pages/Notifications';
import { ApiDocs } from './pages/ApiDocs';
import { CooperationAgreementPage, CooperationPage } from './pages/Cooperation';
import { match, RouterProvider, useLocation, Link } from './router';
import { SessionProvider } from './session';

function Pages() {
  const { pathname } = useLocation();
  if (match('/', pathname)) return <Home />;
  if (match('/login', pathname)) return <Login />;
  if (match('/brugere', pathname)) return <Users />;
  if (match('/statistik', pathname)) return <Statbank />;
  if (match('/aendringslog', pathname)) return <AuditLog />;
  if (match('/benchmark', pathname)) return <Benchmark />;
  if (match('/resultatproblemer', pathname)) return <ResultProblems />;
  if (match('/opfoelgning', pathname)) return <Followup />;
  if (match('/dokumenter', pathname)) return <Documents />;
  if (match('/maal', pathname)) return <Targets />;
  if (match('/ministermaal', pathname)) return <MinisterGoals />;
  if (match('/raad', pathname)) return <Councils />;
  if (match('/aarshjul', pathname)) return <YearlyCalendar />;
  if (match('/notifikationer', pathname)) return <Notifications />;
  if (match('/api-dokumentation', pathname)) return <ApiDocs />;
  if (match('/samarbejdsaftaler', pathname)) return <CooperationPage />;
  const agreement = match('/samarbejdsaftaler/:id', pathname);
  if (agreement) return <CooperationAgreementPage id={agreement.id!} />;
  const followupCase = match('/opfoelgning/sager/:id', pathname);
  if (followupCase) return <FollowupCase key={followupCase.id} id={followupCase.id!} />;
  const council = match('/raad/:code', pathname);
  if (council) return <CouncilPage key={council.code} code={council.code!} />;
  const meeting = match('/raad/:code/moeder/:id', pathname);
  if (meeting) return <MeetingPage key={meeting.id} code={meeting.code!} id={meeting.id!} />;
  const hearing = match('/dokumenter/:id/hoering', pathname);
  if (hearing) return <HearingPage key={hearing.id} id={hearing.id!} />;
  const document = match('/dokumenter/:id', pathname);
  if (document) return <DocumentPage key={document.id} id={document.id!} />;
  const bench = match('/benchmark/:id', pathname);
  if (bench) return <BenchmarkJobcenter key={bench.id} id={bench.id!} />;
  const area = match('/omraade/:area', pathname);
  if (area) return <Profile areaId={area.area!} />;
  const table = match('/statistik/:table', pathname);
  if (table) return <Explorer key={table.table} tableId={table.table!} />;
  const inv = match('/invitation/:token', pathname);
  if (inv) return <Invitation token={inv.token!} />;
  return (
    <Layout title="Siden findes ikke">
      <h1>Siden findes ikke</h1>
      <p>
        Adressen findes ikke i Styringshjulet. Gå til <Link to="/">forsiden</Link>.
      </p>
    </Layout>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider>
      <SessionProvider>
        <Pages />
      </SessionProvider>
    </RouterProvider>
  </StrictMode>,
);
