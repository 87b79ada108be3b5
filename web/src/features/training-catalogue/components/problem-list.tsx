import { ApiRequestError } from '../../../lib/api-client';

/** A refused catalogue edit: every problem the server listed, one a line (its message alone when it listed none). */
export function ProblemList({ error }: { error: Error | null }) {
  if (!error) return null;
  const details = error instanceof ApiRequestError ? error.details : [];
  return (
    <ul style={{ color: '#dc2626', paddingLeft: 18, margin: 0 }} data-testid="catalogue-problems" role="alert">
      {details.length > 0 ? details.map((d) => <li key={d.message}>{d.message}</li>) : <li>{error.message}</li>}
    </ul>
  );
}
