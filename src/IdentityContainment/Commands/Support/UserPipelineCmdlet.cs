using System.Management.Automation;
using IdentityContainment.Errors;
using IdentityContainment.Pipeline;
using IdentityContainment.Users;

namespace IdentityContainment.Commands.Support;

/// <summary>
/// A cmdlet that takes users from the pipeline, by id, user principal name or any object that names one, and works on
/// them in Graph batches of 20 (see <see cref="BatchingCmdlet{TItem}"/>), their reads gathered by one
/// <see cref="UserReader"/>.
/// </summary>
public abstract class UserPipelineCmdlet : BatchingCmdlet<string>
{
    /// <summary>The parameter set that names users; a cmdlet that can also scan the whole tenant adds its own.</summary>
    protected const string UserSet = "ByUser";

    private string? _upnOfInput;

    /// <summary>
    /// The user: object id or user principal name. Binds from strings and from objects of this module and of
    /// Microsoft.Graph, Entra and Exchange Online cmdlets, by the first of their id properties that has a value (see
    /// <see cref="UserIdTransformationAttribute"/>), so a mailbox's Entra id wins over its display identity.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = UserSet)]
    [Alias("UserPrincipalName", "ExternalDirectoryObjectId", "ObjectId", "Id")]
    [UserIdTransformation]
    public string[] UserId { get; set; } = Array.Empty<string>();

    /// <summary>
    /// The pipeline object itself, as it came (hidden): -PassThru passes on what was piped in, and a confirmation names
    /// the user by the user principal name the object carries when it bound by its id.
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>Reads users for every batch of this run, gathering their reads into few requests.</summary>
    internal UserReader Reader { get; private set; } = null!;

    private protected override string ItemNoun => "user(s)";

    private protected override IReadOnlyList<IGatheringReader> CreateGatheringReaders()
    {
        Reader = new UserReader(Connection);
        return new[] { Reader };
    }

    private protected override string KeyOf(string userId) => userId;

    private protected override IEnumerable<string> ItemsOfRecord()
    {
        // Only a single user from one pipeline object can borrow that object's user principal name.
        _upnOfInput = UserId.Length == 1 && InputObject is not null ? UserIdTransformationAttribute.UserPrincipalNameOf(InputObject) : null;
        foreach (string raw in UserId)
        {
            string userId;
            try
            {
                userId = UserIdentifier.Normalize(raw);
            }
            catch (ContainmentException ex)
            {
                WriteContainmentError(ex);
                continue;
            }

            yield return userId;
        }
    }

    /// <summary>
    /// How a confirmation names the user: with the user principal name beside the id, from the piped object, or, when
    /// only an object id is known and a person is about to be asked, read from Graph. -WhatIf and unasked runs send
    /// nothing for it.
    /// </summary>
    private protected string TargetName(string userId, bool highImpact)
    {
        if (!Guid.TryParse(userId, out _))
        {
            return userId;
        }

        string? upn = _upnOfInput;
        if (upn is null && WillAsk(highImpact))
        {
            // Read on its own, not gathered with the batches' reads: a person is waiting for the question. A user that
            // cannot be read is still asked about by id; the work itself then reports why.
            var reader = new UserReader(Connection);
            int finished = 0;
            Bridge.Start(
                async () =>
                {
                    try
                    {
                        upn = (await reader.LookUpAsync(new[] { userId }, StopToken).ConfigureAwait(false))[0].User?.UserPrincipalName;
                    }
                    finally
                    {
                        Volatile.Write(ref finished, 1);
                    }
                },
                StopToken);
            try
            {
                Bridge.WaitUntil(() => Volatile.Read(ref finished) == 1, StopToken);
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        return upn is null ? userId : $"{upn} ({userId})";
    }
}
