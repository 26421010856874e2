import { boot } from './embed';

// The entry of dist/widget.js (vite.widget.config.ts): runs once, while its script tag executes
// (document.currentScript is only set then). It defines no globals.
boot();
