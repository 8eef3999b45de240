import { Logger } from '@nestjs/common';
import { AiProvider } from '../ai/ai-provider';
import { LocalAiProvider } from '../ai/local/local-ai.provider';
import { OpenAiProvider } from '../ai/openai/openai-provider';
import { AppConfig } from '../config/config';

export const RECAP_AI_PROVIDER = Symbol('RECAP_AI_PROVIDER');

/** Creates the provider that AI_PROVIDER selects: `openai` with the configured key, else `local`. */
export function createRecapProvider(config: AppConfig): AiProvider {
  if (config.ai.provider === 'openai' && config.ai.openaiApiKey) {
    return new OpenAiProvider({
      apiKey: config.ai.openaiApiKey,
      baseURL: config.ai.openaiBaseUrl,
      model: config.ai.openaiModel,
      logger: new Logger(OpenAiProvider.name),
    });
  }

  return new LocalAiProvider();
}
