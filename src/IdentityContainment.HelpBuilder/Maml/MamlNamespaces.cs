using System.Xml.Linq;

namespace IdentityContainment.HelpBuilder.Maml;

/// <summary>The XML namespaces of PowerShell's command help (MAML). Get-Help matches elements by these exact names.</summary>
internal static class MamlNamespaces
{
    public static readonly XNamespace HelpItemsNs = "http://msh";
    public static readonly XNamespace MamlNs = "http://schemas.microsoft.com/maml/2004/10";
    public static readonly XNamespace CommandNs = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public static readonly XNamespace DevNs = "http://schemas.microsoft.com/maml/dev/2004/10";
}
