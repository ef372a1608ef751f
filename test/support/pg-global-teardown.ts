/** Jest global teardown: stops the test PostgreSQL started by pg-global-setup.ts. */
import { globalTeardown } from './pg-global-setup.js';

export default globalTeardown;
