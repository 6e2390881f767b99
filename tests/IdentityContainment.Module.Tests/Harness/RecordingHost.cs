using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace IdentityContainment.Module.Tests.Harness;

/// <summary>
/// A host that shows what a person at the console would see: the lines formatting writes (Out-Default, -WhatIf) and
/// the confirmations asked, each answered with a choice given up front ("No" by default). The hosted engine has no
/// Out-String, so this is how a test reads a table as PowerShell formats it.
/// </summary>
public sealed class RecordingHost : PSHost
{
    private readonly RecordingUserInterface _ui;

    public RecordingHost(string answer = "No") => _ui = new RecordingUserInterface(answer);

    /// <summary>Everything written to the console, line by line, without the colour codes PowerShell adds to headers.</summary>
    public string Screen => Regex.Replace(_ui.Screen.ToString(), "\u001b\\[[0-9;]*m", string.Empty);

    /// <summary>Each confirmation asked: its caption and message.</summary>
    public IReadOnlyList<string> Prompts => _ui.Prompts;

    public override string Name => "RecordingHost";

    public override Version Version { get; } = new(1, 0);

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override PSHostUserInterface UI => _ui;

    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

    public override void EnterNestedPrompt() => throw new NotSupportedException();

    public override void ExitNestedPrompt() => throw new NotSupportedException();

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }

    public override void SetShouldExit(int exitCode)
    {
    }

    private sealed class RecordingUserInterface : PSHostUserInterface
    {
        private readonly string _answer;

        public RecordingUserInterface(string answer) => _answer = answer;

        public StringBuilder Screen { get; } = new();

        public List<string> Prompts { get; } = new();

        public override PSHostRawUserInterface RawUI { get; } = new WideRawUserInterface();

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            Prompts.Add($"{caption}: {message}");
            int chosen = choices.ToList().FindIndex(c => string.Equals(c.Label.Replace("&", string.Empty, StringComparison.Ordinal), _answer, StringComparison.OrdinalIgnoreCase));
            return chosen >= 0 ? chosen : throw new InvalidOperationException($"No choice '{_answer}' in: {string.Join(", ", choices.Select(c => c.Label))}");
        }

        public override void Write(string value) => Screen.Append(value);

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Screen.Append(value);

        public override void WriteLine(string value) => Screen.AppendLine(value);

        public override void WriteErrorLine(string value) => Screen.AppendLine(value);

        public override void WriteDebugLine(string message) => Screen.AppendLine("DEBUG: " + message);

        public override void WriteVerboseLine(string message) => Screen.AppendLine("VERBOSE: " + message);

        public override void WriteWarningLine(string message) => Screen.AppendLine("WARNING: " + message);

        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
        }

        public override string ReadLine() => throw new NotSupportedException("The test host reads no input.");

        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException("The test host reads no input.");

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new NotSupportedException("The test host answers confirmations only.");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new NotSupportedException("The test host answers confirmations only.");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new NotSupportedException("The test host answers confirmations only.");
    }

    /// <summary>A console 200 columns wide, so tables are not cut.</summary>
    private sealed class WideRawUserInterface : PSHostRawUserInterface
    {
        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

        public override Coordinates CursorPosition { get; set; }

        public override Coordinates WindowPosition { get; set; }

        public override int CursorSize { get; set; }

        public override Size BufferSize { get; set; } = new(200, 3000);

        public override Size WindowSize { get; set; } = new(200, 50);

        public override Size MaxWindowSize => WindowSize;

        public override Size MaxPhysicalWindowSize => WindowSize;

        public override bool KeyAvailable => false;

        public override string WindowTitle { get; set; } = string.Empty;

        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();

        public override void FlushInputBuffer()
        {
        }

        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) => throw new NotSupportedException();

        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) => throw new NotSupportedException();

        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();

        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) => throw new NotSupportedException();
    }
}
