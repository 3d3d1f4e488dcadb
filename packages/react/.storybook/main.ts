import type { StorybookConfig } from '@storybook/react-vite';
import react from '@vitejs/plugin-react';
import type { PluginOption } from 'vite';

/** True when `plugin` (or a plugin inside it) is one of @vitejs/plugin-react's. */
function isReactPlugin(plugin: PluginOption): boolean {
  if (Array.isArray(plugin)) return plugin.some(isReactPlugin);
  return typeof plugin === 'object' && plugin !== null && 'name' in plugin && plugin.name.startsWith('vite:react');
}

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../src/**/*.mdx', '../src/**/*.stories.tsx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    // Without it JSX compiles to React.createElement; the vitest project brings its own.
    const plugins = viteConfig.plugins ?? [];
    return {
      ...viteConfig,
      plugins: isReactPlugin(plugins) ? plugins : [...plugins, react()],
      // PGlite finds its WebAssembly and data files beside its module at run time: pre-bundling would move it.
      optimizeDeps: {
        ...viteConfig.optimizeDeps,
        exclude: [...(viteConfig.optimizeDeps?.exclude ?? []), '@electric-sql/pglite'],
      },
      // Storybook's own preview runtime (with axe) is one large chunk by design: not worth a warning per build.
      build: { ...viteConfig.build, chunkSizeWarningLimit: 2_500 },
    };
  },
};

export default config;
