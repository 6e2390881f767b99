using System.Diagnostics;
using System.Globalization;

namespace IdentityContainment.Benchmarks.Measurement;

/// <summary>The most resident memory this process has held so far: what a sandbox's memory limit is checked against.</summary>
internal static class PeakWorkingSet
{
    private const string LinuxStatusFile = "/proc/self/status";

    public static long OfCurrentProcess()
    {
        // Linux keeps the high-water mark itself (VmHWM, in kB); reading it costs nothing and loads nothing.
        if (File.Exists(LinuxStatusFile))
        {
            foreach (string line in File.ReadLines(LinuxStatusFile))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    string kilobytes = new(line.Where(char.IsAsciiDigit).ToArray());
                    return 1024 * long.Parse(kilobytes, CultureInfo.InvariantCulture);
                }
            }
        }

        using Process self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }
}
