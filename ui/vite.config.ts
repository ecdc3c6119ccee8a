import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The window loads the built files from ui/dist, embedded in the app; nothing is fetched.
export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  clearScreen: false,
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "safari15",
    // One bundle: the app is offline and loads it from memory.
    chunkSizeWarningLimit: 2000,
    assetsInlineLimit: 0,
  },
  server: { fs: { allow: [".."] } },
  // Component tests mount Svelte's browser build in jsdom.
  resolve: mode === "test" ? { conditions: ["browser"] } : undefined,
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
  },
}));
