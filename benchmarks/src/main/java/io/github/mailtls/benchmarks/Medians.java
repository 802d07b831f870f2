package io.github.mailtls.benchmarks;

import java.util.Arrays;

/**
 * Medians of repeated measurements: machines are noisy, medians less so.
 *
 * @author mail-tls
 */
final class Medians {

	private Medians() {
	}

	static double of(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

}
