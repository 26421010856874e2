import vue from '@vitejs/plugin-vue';
import { defineConfig, type ProxyOptions } from 'vite';
import { securityHeaders } from './security-headers';

// The app talks to same-origin /graphql and /media; in dev and preview Vite forwards it (HTTP and the
// graphql-ws WebSocket) to the gateway.
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000';
const proxy: Record<string, ProxyOptions> = {
  '/graphql': { target: gateway, ws: true, changeOrigin: true },
  // Signed, expiring image thumbnails (`thumbnailUrl`) are served by the gateway too.
  '/media': { target: gateway, changeOrigin: true },
};

export default defineConfig({
  plugins: [vue(), securityHeaders(gateway)],
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true, proxy },
  build: { sourcemap: true },
});
