using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>
/// GET /users/{id}/mailboxSettings (user-get-mailboxsettings page, example 06-getMailboxSettings): the settings the
/// scenario decides, and archiveFolder, the id of the folder Outlook's one-click Archive moves mail to (CSDL v1.0).
/// There is no mailbox-level forwarding here (CONTRACT §6): Graph does not show it.
/// </summary>
internal static class MailboxSettingsHandler
{
    public static GraphResponse Get(GraphCallContext context)
    {
        var (user, mailbox, error) = MailboxAccess.Resolve(context);
        if (error is not null)
            return error;
        var settings = mailbox!.Settings;
        return GraphResponse.Ok(new JsonObject
        {
            ["@odata.context"] = GraphContext.MetadataBase + $"users('{user!.Id}')/mailboxSettings",
            ["archiveFolder"] = MailFolders.Find(mailbox, "archive")?.Id,
            ["timeZone"] = settings.TimeZone,
            ["automaticRepliesSetting"] = new JsonObject
            {
                ["status"] = "disabled",
                ["externalAudience"] = "all",
                ["internalReplyMessage"] = "",
                ["externalReplyMessage"] = "",
            },
            ["language"] = new JsonObject { ["locale"] = settings.Locale, ["displayName"] = settings.LanguageDisplayName },
            ["workingHours"] = new JsonObject
            {
                ["daysOfWeek"] = new JsonArray("monday", "tuesday", "wednesday", "thursday", "friday"),
                ["startTime"] = "08:00:00.0000000",
                ["endTime"] = "17:00:00.0000000",
                ["timeZone"] = new JsonObject { ["name"] = settings.TimeZone },
            },
            ["userPurpose"] = "user",
            ["dateFormat"] = "MM/dd/yyyy",
            ["timeFormat"] = "hh:mm tt",
            ["delegateMeetingMessageDeliveryOptions"] = "sendToDelegateOnly",
        });
    }
}
