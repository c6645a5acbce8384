/**
 * Dense row-major matrix products with a fixed summation order: the CPU backend's passes and the domain
 * observables computed at recorded times share them. Imports nothing else from dismc, so both the
 * backend and the model families may use it.
 */
package io.dismc.linalg;
