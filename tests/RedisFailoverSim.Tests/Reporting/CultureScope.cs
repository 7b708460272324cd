using System.Globalization;

namespace RedisFailoverSim.Tests.Reporting;

/// <summary>Runs code under another culture (report tests also run under de-DE, so output is culture-proof).</summary>
internal static class CultureScope
{
    public static T Run<T>(string culture, Func<T> action)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }
}
