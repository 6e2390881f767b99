namespace IdentityContainment.Detection.SignIns;

/// <summary>What a sign-in rule looks at: one sign-in, and the user's history it is judged against.</summary>
public sealed record SignInCase(SignInFacts SignIn, SignInHistory History)
{
    public override string ToString() => SignIn.ToString();
}
