import { type ReactNode, useEffect } from 'react';
import { common } from '../i18n/common.ts';
import { useMessages } from '../i18n/language.tsx';

/**
 * Every page starts with this: it sets the document title (the first thing a screen reader announces
 * after navigation) and renders the page's one h1, which the shell focuses after each navigation.
 */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  const c = useMessages(common);
  useEffect(() => {
    document.title = `${title} – ${c.productName}`;
  }, [title, c.productName]);
  return (
    <>
      <h1 tabIndex={-1} className="page-title">
        {title}
      </h1>
      {children}
    </>
  );
}
