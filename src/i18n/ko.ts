/** 한국어 메시지. Keys follow en.ts; a missing key falls back to English. */
import type { MessageKey } from './en';

export const ko: Partial<Record<MessageKey, string>> = {
  'app.tagline': '최적화 알고리즘이 손실 곡면 위를 걷는 모습을 보세요.',
};
