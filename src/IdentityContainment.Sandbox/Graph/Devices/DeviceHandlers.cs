namespace IdentityContainment.Sandbox;

/// <summary>GET, PATCH (accountEnabled) and DELETE devices/{id}.</summary>
internal static class DeviceHandlers
{
    public static GraphResponse Get(GraphCallContext context)
    {
        if (!DeviceProjection.Properties.TryResolveSelect(context.Query.Select, out var select, out var error))
            return error!;
        var device = context.Tenant.FindDevice(context.RouteValues[0]);
        return device is null
            ? GraphResponse.NotFound(context.RouteValues[0])
            : GraphResponse.Ok(DeviceProjection.Entity(device, select));
    }

    public static GraphResponse Update(GraphCallContext context)
    {
        var device = context.Tenant.FindDevice(context.RouteValues[0]);
        if (device is null)
            return GraphResponse.NotFound(context.RouteValues[0]);
        var (accountEnabled, error) = AccountEnabledPatch.Read(context.Request.Body, DeviceProjection.Properties.All, "a device");
        if (error is not null)
            return error;
        if (accountEnabled is null)
            return GraphResponse.NoContent();

        // Learn: "In application-only scenarios and for non-Windows devices ... the app can update only
        // the extensionAttributes property." The exact error real Graph returns is not documented; a 403
        // Authorization_RequestDenied is our reading of it.
        if (context.Caller.IsAppOnly && !DeviceProjection.IsWindows(device))
            return GraphResponse.Forbidden();

        context.Tenant.SetDeviceEnabled(device.Id, accountEnabled.Value);
        return GraphResponse.NoContent();
    }

    public static GraphResponse Delete(GraphCallContext context) =>
        context.Tenant.RemoveDevice(context.RouteValues[0])
            ? GraphResponse.NoContent()
            : GraphResponse.NotFound(context.RouteValues[0]);
}
