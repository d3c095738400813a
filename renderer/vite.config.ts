import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

/**
 * The renderer: a plain browser app (`npm run dev:web`) that Electron loads from
 * app://sprintpad/ (hence the relative base). The build goes to out/renderer at the repo root
 * (`outDir` is relative to `root`, this folder).
 */
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
})
