import packTexts from 'virtual:backstory-pack-json';
import { providePack } from '../extension/dataset/pack-global';

/** Listed before content.js in the manifest (see wxt.config.ts); leaves the pack for it. */
export default defineUnlistedScript(() => providePack(packTexts));
