import { type ReactNode, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from './session.ts';

/**
 * Wraps the pages that need an account (routes.tsx): reached while signed out, it sends the person to
 * /sign-in and back here afterwards. A session that ends while such a page is open does not unmount it:
 * the API client's sign-in dialog opens over it instead, so the page and its input stay.
 */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const [signedInOnArrival] = useState(session !== null);
  if (!signedInOnArrival) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return children;
}
