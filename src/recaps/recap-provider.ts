import { Logger } from '@nestjs/common';
import { AiProvider } from '../ai/ai-provider';
import { LocalAiProvider } from '../ai/local/local-ai.provider';
import { AppConfig } from '../config/config';

export const RECAP_AI_PROVIDER = Symbol('RECAP_AI_PROVIDER');

/** Creates the provider that AI_PROVIDER selects: `openai` with the configured key, else `local`. */
export function createRecapProvider(config: AppConfig): AiProvider {
  if (config.ai.provider === 'openai' && config.ai.openaiApiKey) {
    // Loaded only here, so a server on the local provider never loads the openai package.
    const { OpenAiProvider } =
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('../ai/openai/openai-provider') as typeof import('../ai/openai/openai-provider');

    return new OpenAiProvider({
      apiKey: config.ai.openaiApiKey,
      baseURL: config.ai.openaiBaseUrl,
      model: config.ai.openaiModel,
      logger: new Logger(OpenAiProvider.name),
    });
  }

  return new LocalAiProvider();
}
