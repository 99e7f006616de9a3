/**
 * English / 한국어 in the header. Each name is written in its own language
 * (and marked with its `lang`), so a reader who cannot read the current one
 * still finds theirs. The choice lands in the link (i18n/urlLanguage).
 */
import { languages, useLanguage, useT, type Lang } from '../i18n';

const ownNames: Record<Lang, string> = { en: 'English', ko: '한국어' };

export function LanguageSwitch() {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const setLang = useLanguage((s) => s.setLang);
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')} data-testid="language-switch">
      {languages.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === lang}
          onClick={() => setLang(option)}
          data-testid={`lang-${option}`}
        >
          {ownNames[option]}
        </button>
      ))}
    </div>
  );
}
