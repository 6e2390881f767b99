using System.Text;

namespace IdentityContainment.Detection.Mailbox;

/// <summary>
/// The names Outlook gives its well-known folders in the languages a mailbox is commonly set to. A mailbox's folders
/// are named in its own language when it is created ("Posteingang", "RSS-Abonnements"), and Exchange reports rule
/// targets by name, so a check for "RSS Feeds" alone misses the German attacker's rule (DETECTION.md, "Mistakes to
/// avoid"). Names are compared whole, ignoring case: a user's own "Archive Projects" is not the Archive folder.
/// </summary>
public static class MailFolderNames
{
    private static readonly IReadOnlyDictionary<WellKnownFolder, string[]> Localized = new Dictionary<WellKnownFolder, string[]>
    {
        [WellKnownFolder.Inbox] = new[]
        {
            "Inbox", "Posteingang", "Boîte de réception", "Bandeja de entrada", "Posta in arrivo", "Inkorgen", "Innboks", "Indbakke",
            "Postvak IN", "Caixa de Entrada", "Skrzynka odbiorcza", "Saapuneet",
        },
        [WellKnownFolder.DeletedItems] = new[]
        {
            "Deleted Items", "Gelöschte Elemente", "Éléments supprimés", "Elementos eliminados", "Posta eliminata", "Borttagna objekt",
            "Slettede elementer", "Verwijderde items", "Itens Excluídos", "Itens Eliminados", "Elementy usunięte", "Poistetut",
        },
        [WellKnownFolder.JunkEmail] = new[]
        {
            "Junk Email", "Junk E-mail", "Junk-E-Mail", "Courrier indésirable", "Correo no deseado", "Posta indesiderata", "Skräppost",
            "Søppelpost", "Uønsket e-mail", "Ongewenste e-mail", "Lixo Eletrônico", "Wiadomości-śmieci", "Roskaposti",
        },
        [WellKnownFolder.Archive] = new[]
        {
            "Archive", "Archiv", "Archivio", "Archivo", "Arkiv", "Arquivo", "Archives", "Archief", "Archiwum", "Arkisto",
        },
        [WellKnownFolder.ConversationHistory] = new[]
        {
            "Conversation History", "Verlauf der Unterhaltung", "Historique des conversations", "Historial de conversaciones",
            "Cronologia delle conversazioni", "Gesprekgeschiedenis", "Konversationshistorik", "Samtalehistorikk", "Samtalehistorik",
            "Histórico de Conversas", "Historia konwersacji", "Keskusteluhistoria",
        },

        // Outlook named the folder "RSS Subscriptions" in some versions and "RSS Feeds" in others; rules seen in real
        // cases also name "RSS Subscription" without the s, so both forms of each are listed.
        [WellKnownFolder.RssFeeds] = new[]
        {
            "RSS Feeds", "RSS Feed", "RSS Subscriptions", "RSS Subscription", "RSS-Abonnements", "RSS-Abonnement", "RSS-feeder",
            "Sottoscrizioni RSS", "Flux RSS", "Fuentes RSS", "RSS-feeds", "RSS-flöden", "Feeds RSS", "Kanały informacyjne RSS", "RSS-syötteet",
        },
        [WellKnownFolder.Notes] = new[]
        {
            "Notes", "Notizen", "Notas", "Note", "Anteckningar", "Notities", "Noter", "Notater", "Notatki", "Muistiinpanot",
        },
    };

    /// <summary>Where a rule can put mail out of the user's sight: folders nobody opens, or opens only to empty them.</summary>
    public static readonly IReadOnlyCollection<WellKnownFolder> HidingRoles = new[]
    {
        WellKnownFolder.RssFeeds, WellKnownFolder.ConversationHistory, WellKnownFolder.Archive, WellKnownFolder.JunkEmail, WellKnownFolder.Notes,
    };

    /// <summary>The role a folder plays, by the role its reader established or else by its name in any listed language; None when neither tells.</summary>
    public static WellKnownFolder RoleOf(RuleFolder? folder)
    {
        if (folder is null)
        {
            return WellKnownFolder.None;
        }

        return folder.WellKnown != WellKnownFolder.None ? folder.WellKnown : RoleOfName(folder.Name);
    }

    /// <summary>The role a folder's name is, in any listed language: the last part of an Exchange path ("Nestor:\RSS-Abonnements"), whole and ignoring case.</summary>
    public static WellKnownFolder RoleOfName(string? name)
    {
        string last = LastPart(name);
        if (last.Length == 0)
        {
            return WellKnownFolder.None;
        }

        foreach (KeyValuePair<WellKnownFolder, string[]> role in Localized)
        {
            if (role.Value.Any(known => string.Equals(Comparable(known), last, StringComparison.OrdinalIgnoreCase)))
            {
                return role.Key;
            }
        }

        return WellKnownFolder.None;
    }

    /// <summary>True when the folder is one a rule hides mail in (<see cref="HidingRoles"/>).</summary>
    public static bool IsHiding(RuleFolder? folder) => HidingRoles.Contains(RoleOf(folder));

    /// <summary>How a finding names the folder: its own name without the Exchange path, else its id.</summary>
    public static string Label(RuleFolder folder) =>
        LastPart(folder.Name) is { Length: > 0 } name ? name : folder.Id ?? "(unknown folder)";

    /// <summary>The folder's own name from an Exchange path or folder identity: what follows the last backslash, composed and trimmed.</summary>
    public static string LastPart(string? path)
    {
        string text = (path ?? string.Empty).Trim();
        int slash = text.LastIndexOf('\\');
        return Comparable(slash >= 0 ? text.Substring(slash + 1) : text);
    }

    // "é" may arrive as one character or as "e" and a combining accent (CSV exports); both compare the same.
    private static string Comparable(string name) => name.Trim().Normalize(NormalizationForm.FormC);
}
