/** Statistics shared by the modules: weighted least squares, its predictions, quantiles, variance components. */
export { fitWls, predict, normalCdf, normalQuantile, tQuantile, quantile, varianceComponents, type Fit } from './regression.js';
