#if !NET5_0_OR_GREATER
namespace System.Runtime.CompilerServices;

/// <summary>Lets records and init-only setters compile for .NET Framework 4.7.2, which predates them.</summary>
internal static class IsExternalInit
{
}
#endif
