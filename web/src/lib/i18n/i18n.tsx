import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from '../format';
import { en, type MessageArgs, type MessageKey, zh } from './dictionary';

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** Switches between Chinese and English. */
  toggleLang: () => void;
  /** The message in the current language; a parameterised one takes its arguments, typed by its key. */
  t: <K extends MessageKey>(key: K, ...args: MessageArgs<K>) => string;
}

type Dictionary = typeof zh | typeof en;

function message<K extends MessageKey>(dict: Dictionary, key: K, args: MessageArgs<K>): string {
  // Indexing a union of dictionaries by a generic key loses the entry's shape; it is text or a function.
  const entry = dict[key] as string | ((...a: MessageArgs<K>) => string);
  return typeof entry === 'function' ? entry(...args) : entry;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'lz.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** Chinese first; the English switch is remembered in localStorage. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const dict = lang === 'zh' ? zh : en;
    return {
      lang,
      setLang,
      toggleLang: () => setLang(lang === 'zh' ? 'en' : 'zh'),
      t: (key, ...args) => message(dict, key, args),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
