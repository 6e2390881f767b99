using System.Management.Automation;
using System.Net;
using System.Text;
using System.Text.Json;
using IdentityContainment.Module.Tests.Harness;
using Xunit.Sdk;

namespace IdentityContainment.Module.Tests;

/// <summary>The leak scan itself finds a secret in each stream and each form it can take there.</summary>
public sealed class SecretScanTests
{
    private const string Secret = "Tq9+/x\"Zr&7 mK<2>pW#";

    public static TheoryData<string, string> Leaks()
    {
        string base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"password\":\"" + Secret + "\"}"));
        var data = new TheoryData<string, string>();
        foreach ((string stream, string text) in new[]
        {
            ("Warning", "as it is: " + Secret),
            ("Verbose", "body " + JsonSerializer.Serialize(new { password = Secret })),
            ("Debug", "query password=" + Uri.EscapeDataString(Secret)),
            ("Information", "form password=" + WebUtility.UrlEncode(Secret)),
            ("Progress", "blob " + base64),
            ("Output", "url-safe " + base64.Replace('+', '-').Replace('/', '_')),
            ("Error", "utf-16 " + Convert.ToBase64String(Encoding.Unicode.GetBytes("x" + Secret))),
        })
        {
            data.Add(stream, text);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Leaks))]
    public void A_secret_in_any_stream_and_any_form_is_found(string stream, string text)
    {
        ScriptResult result = ResultWith(stream, text);

        Assert.Throws<FailException>(() => SecretScan.AssertAbsent(result, Secret));
    }

    [Fact]
    public void The_finding_never_repeats_the_secret()
    {
        var failure = Assert.Throws<FailException>(() => SecretScan.AssertAbsent(ResultWith("Verbose", "x " + Secret), Secret));

        Assert.DoesNotContain(Secret, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_in_an_errors_inner_exception_or_target_is_found()
    {
        var error = new ErrorRecord(new InvalidOperationException("outer", new InvalidOperationException("inner " + Secret)), "Id", ErrorCategory.NotSpecified, "target");
        var withTarget = new ErrorRecord(new InvalidOperationException("plain"), "Id", ErrorCategory.NotSpecified, "target " + Secret);

        Assert.Throws<FailException>(() => SecretScan.AssertAbsent(Empty() with { Errors = new[] { error } }, Secret));
        Assert.Throws<FailException>(() => SecretScan.AssertAbsent(Empty() with { Errors = new[] { withTarget } }, Secret));
    }

    [Fact]
    public void Text_without_the_secret_passes() =>
        SecretScan.AssertAbsent(ResultWith("Verbose", "GET /users 200 request-id 1234"), Secret);

    private static ScriptResult ResultWith(string stream, string text) => stream switch
    {
        "Output" => Empty() with { Output = new[] { PSObject.AsPSObject(new { Note = text }) } },
        "Error" => Empty() with { Errors = new[] { new ErrorRecord(new InvalidOperationException(text), "Id", ErrorCategory.NotSpecified, null) } },
        "Warning" => Empty() with { Warnings = new[] { text } },
        "Verbose" => Empty() with { Verbose = new[] { text } },
        "Debug" => Empty() with { Debug = new[] { text } },
        "Information" => Empty() with { Information = new[] { text } },
        "Progress" => Empty() with { Progress = new[] { new ProgressRecord(1, "Resetting passwords", text) } },
        _ => throw new ArgumentOutOfRangeException(nameof(stream)),
    };

    private static ScriptResult Empty() => new(
        Array.Empty<PSObject>(), Array.Empty<ErrorRecord>(), Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(), null);
}
