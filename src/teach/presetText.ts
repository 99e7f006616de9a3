/**
 * The gallery's own words, in both languages. Kept beside the gallery (not in
 * i18n/en.ts, ko.ts) so the presets' texts and the words around them travel
 * together; the presets' titles and explanations live in state/presets.ts.
 */
import type { Lang } from '../i18n';
import type { Localized, PresetTopic } from '../state/presets';

export const topicTitles: Record<PresetTopic, Localized> = {
  steps: { en: 'Gradient descent and the learning rate', ko: '경사하강법과 학습률' },
  momentum: { en: 'Momentum and adaptive methods', ko: '모멘텀과 적응형 방법' },
  batches: { en: 'Batches and schedules', ko: '배치와 학습률 스케줄' },
  gradients: { en: 'Gradients', ko: '기울기' },
  landscape: { en: 'Landscapes: minima, saddles, plateaus', ko: '지형: 최솟값, 안장점, 플래토' },
};

export const galleryText = {
  open: { en: 'Presets', ko: '프리셋' },
  openHint: { en: 'Open the gallery of presets: one view per idea of the course', ko: '프리셋 모음 열기: 강의의 개념마다 하나의 장면' },
  title: { en: 'Presets: the course, one view per idea', ko: '프리셋: 강의의 개념마다 하나의 장면' },
  intro: {
    en: 'Each card loads a view and plays it. The link under it is that view; copy it into slides or a chat.',
    ko: '카드를 누르면 장면을 불러와 재생합니다. 아래의 링크가 바로 그 장면이니 슬라이드나 채팅에 복사해 쓰세요.',
  },
  close: { en: 'Close', ko: '닫기' },
  link: { en: 'Link', ko: '링크' },
  linkTo: { en: 'Link to “{title}”', ko: '“{title}” 링크' },
  noteHeading: { en: 'About this view', ko: '이 장면에 대해' },
  noteClose: { en: 'Close the note about this view', ko: '이 장면의 설명 닫기' },
  noteChanged: {
    en: 'You have changed the view since: the note describes the preset as it was.',
    ko: '그 뒤로 장면을 바꾸셨습니다. 이 설명은 처음 장면에 대한 것입니다.',
  },
  noteRestore: { en: 'Back to the preset', ko: '처음 장면으로' },
} satisfies Record<string, Localized>;

/** `text` in `lang`, with {name} filled from `vars`. */
export function say(text: Localized, lang: Lang, vars: Record<string, string> = {}): string {
  return (text[lang] ?? text.en).replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}
