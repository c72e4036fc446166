// The web app's build: src/web → dist/web, served by `upheld serve` at `/`. In development,
// `npx vite` serves it with hot reload and passes /api to an Upheld on port 3000.
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2048,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/status': 'http://127.0.0.1:3000' },
  },
})
