/** /embed/image.js (bundled by ./bundle.ts): the image renderer, fetched only when a reader asks for an image. */
import { downloadChartImage } from './image';

(window as unknown as { __theResetImage?: typeof downloadChartImage }).__theResetImage = downloadChartImage;
