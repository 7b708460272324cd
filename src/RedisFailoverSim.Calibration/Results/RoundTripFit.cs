using MathNet.Numerics;

namespace RedisFailoverSim.Calibration.Results;

/// <summary>
/// The one-way log-normal whose round trip, the sum of two independent draws, has a measured P50 and P99. A probe
/// measures a round trip; a model write crosses two links, each drawing its own delay. Giving each link the
/// log-normal through the probes' P50 and P99 directly (half the median, the same sigma) makes the model's round trip
/// lighter-tailed than the probes: the sum of two independent draws regresses toward its mean, so its P99 / P50 is
/// smaller than one draw's (with the split-brain probes' 0.246 / 1.423 ms, the model's round-trip P99 came out near
/// 1.0 ms). Here sigma is solved so that the sum's P99 / P50 is the probes' and the median so that its P50 is.
/// The sum's distribution is computed, not sampled: P(X1 + X2 ≤ t) = ∫ φ(z) Φ(ln(t − e^(σz)) / σ) dz for unit-median
/// draws (X1 = e^(σz)), by Simpson's rule; the quantiles and sigma by bisection, so the fit is a pure function of the
/// two percentiles.
/// </summary>
internal static class RoundTripFit
{
    private const int SimpsonIntervals = 1200; // even; the integrand is smooth on [-8, ln t / σ]
    private const double SigmaCeiling = 4.0;

    /// <summary>The one-way median (same unit as the inputs) and sigma; sigma 0 when P99 does not exceed P50.</summary>
    public static (double OneWayMedian, double Sigma) Solve(double roundTripP50, double roundTripP99)
    {
        if (roundTripP50 <= 0 || roundTripP99 <= roundTripP50)
        {
            return (Math.Max(roundTripP50, 0) / 2, 0);
        }

        double target = roundTripP99 / roundTripP50, low = 0, high = SigmaCeiling;
        if (Ratio(high) < target)
        {
            low = high;
        }
        else
        {
            for (var i = 0; i < 50; i++)
            {
                var middle = (low + high) / 2;
                if (Ratio(middle) < target)
                {
                    low = middle;
                }
                else
                {
                    high = middle;
                }
            }
        }

        var sigma = (low + high) / 2;
        return (roundTripP50 / UnitSumQuantile(sigma, 0.50), sigma);
    }

    /// <summary>The q-quantile of the sum of two independent log-normals of median 1 and the given sigma.</summary>
    public static double UnitSumQuantile(double sigma, double quantile)
    {
        if (sigma <= 0)
        {
            return 2;
        }

        // The sum lies between the larger draw and twice it: its quantile is above 1 at the median and below
        // 2·e^(4σ) at any quantile used here (≤ 0.999).
        double low = Math.Log(1e-9), high = Math.Log(2) + (4 * sigma) + 1;
        for (var i = 0; i < 60; i++)
        {
            var middle = (low + high) / 2;
            if (UnitSumCdf(sigma, Math.Exp(middle)) < quantile)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return Math.Exp((low + high) / 2);
    }

    private static double Ratio(double sigma) => UnitSumQuantile(sigma, 0.99) / UnitSumQuantile(sigma, 0.50);

    private static double UnitSumCdf(double sigma, double t)
    {
        const double lower = -8;
        var upper = Math.Log(t) / sigma;
        if (upper <= lower)
        {
            return 0;
        }

        var step = (upper - lower) / SimpsonIntervals;
        var sum = 0.0;
        for (var i = 0; i <= SimpsonIntervals; i++)
        {
            var z = lower + (i * step);
            var weight = i == 0 || i == SimpsonIntervals ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += weight * Integrand(sigma, t, z);
        }

        return sum * step / 3;
    }

    private static double Integrand(double sigma, double t, double z)
    {
        var rest = t - Math.Exp(sigma * z);
        if (rest <= 0)
        {
            return 0;
        }

        var density = Math.Exp(-z * z / 2) / Math.Sqrt(2 * Math.PI);
        return density * StandardNormalCdf(Math.Log(rest) / sigma);
    }

    private static double StandardNormalCdf(double x) => 0.5 * SpecialFunctions.Erfc(-x / Math.Sqrt(2));
}
