import { useEffect, useState } from 'preact/hooks';
import { getNews, newsExportUrl, problemText, saveNews, type News, type User } from '../../api/client';
import { useTranslation } from '../../i18n';
import { Button, LinkButton } from '../../components/button';
import { Skeleton } from '../../components/skeleton';

type Lang = 'es' | 'en';

// The closing news release (issue 14): drafted from the data in Spanish and English, every fact
// still missing named above it; the coordinator edits the text, saves it and downloads it as
// Markdown or as an OpenDocument text.
export function NewsPage({ programme }: { programme: number; user: User }) {
  const { t, language } = useTranslation();
  const [lang, setLang] = useState<Lang>(language as Lang);
  const [news, setNews] = useState<News | null>(null);
  const [text, setText] = useState('');
  const [message, setMessage] = useState('');
  const [saved, setSaved] = useState('');
  const load = () => getNews(programme, lang).then((loaded) => {
    setNews(loaded);
    setText(loaded.saved?.body ?? loaded.generated);
  }, (error) => setMessage(problemText(error, t('error.generic'))));
  useEffect(() => { setNews(null); setMessage(''); setSaved(''); load(); }, [programme, lang]);

  const save = async () => {
    setMessage('');
    setSaved('');
    try {
      const updated = await saveNews(programme, lang, text, news?.saved?.version ?? null);
      setNews(updated);
      setSaved(t('news.saved'));
    } catch (error) {
      setMessage(problemText(error, t('error.generic')));
    }
  };
  const edited = news && text !== (news.saved?.body ?? news.generated);

  return (
    <article class="wide">
      <h1>{t('news.title')}</h1>
      <p class="lede">{t('news.intro')}</p>
      <div role="group" aria-label={t('news.language')} class="button-row">
        {(['es', 'en'] as const).map((code) => (
          <Button key={code} variant={code === lang ? 'primary' : 'secondary'} aria-pressed={code === lang} onClick={() => setLang(code)}>{t(`news.lang_${code}`)}</Button>
        ))}
      </div>
      {message && <p role="alert" class="field-error">{message}</p>}
      {saved && <p role="status" class="signal signal-good">{saved}</p>}
      {!news ? <Skeleton lines={10} /> : <>
        {news.missing.length > 0 && (
          <div class="signal" role="note">
            <p>{t('news.missing', { count: news.missing.length })}</p>
            <ul>{news.missing.map((fact) => <li key={fact.key}>{fact.message}</li>)}</ul>
          </div>
        )}
        {news.saved && <p class="muted">{t('news.saved_at', { at: news.saved.updated_at })}</p>}
        <label class="news-editor">{t('news.text')}
          <textarea rows={22} value={text} onInput={(event) => setText(event.currentTarget.value)} lang={lang} />
        </label>
        <div class="button-row">
          <Button onClick={save} disabled={!edited && Boolean(news.saved)}>{t('news.save')}</Button>
          <Button variant="secondary" onClick={() => setText(news.generated)}>{t('news.regenerate')}</Button>
          <LinkButton variant="secondary" download href={newsExportUrl(programme, lang, 'md')}>{t('news.download_md')}</LinkButton>
          <LinkButton variant="secondary" download href={newsExportUrl(programme, lang, 'odt')}>{t('news.download_odt')}</LinkButton>
        </div>
        {edited && <p class="muted">{t('news.unsaved')}</p>}
      </>}
    </article>
  );
}
