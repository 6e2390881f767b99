namespace IdentityContainment.Sandbox;

/// <summary>
/// GET, PATCH (accountEnabled) and DELETE devices/{id}, and the same by the alternate key devices(deviceId='...')
/// (CONTRACT §8; graph-permissions.json lists GET, PATCH and DELETE on /devices(deviceid={value})): the object id and the Device Registration Service id
/// differ, and sign-ins name a device by the latter (deviceDetail.deviceId).
/// </summary>
internal static class DeviceHandlers
{
    public static GraphResponse Get(GraphCallContext context) => Get(context, context.Tenant.FindDevice(context.RouteValues[0]));

    public static GraphResponse GetByDeviceId(GraphCallContext context) => Get(context, context.Tenant.FindDeviceByDeviceId(context.RouteValues[0]));

    public static GraphResponse Update(GraphCallContext context) => Update(context, context.Tenant.FindDevice(context.RouteValues[0]));

    public static GraphResponse UpdateByDeviceId(GraphCallContext context) => Update(context, context.Tenant.FindDeviceByDeviceId(context.RouteValues[0]));

    public static GraphResponse Delete(GraphCallContext context) => Delete(context, context.Tenant.FindDevice(context.RouteValues[0]));

    public static GraphResponse DeleteByDeviceId(GraphCallContext context) => Delete(context, context.Tenant.FindDeviceByDeviceId(context.RouteValues[0]));

    private static GraphResponse Get(GraphCallContext context, DeviceRecord? device)
    {
        if (!DeviceProjection.Properties.TryResolveSelect(context.Query.Select, out var select, out var error))
            return error!;
        return device is null
            ? GraphResponse.NotFound(context.RouteValues[0])
            : GraphResponse.Ok(DeviceProjection.Entity(device, select));
    }

    private static GraphResponse Update(GraphCallContext context, DeviceRecord? device)
    {
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

    private static GraphResponse Delete(GraphCallContext context, DeviceRecord? device) =>
        device is not null && context.Tenant.RemoveDevice(device.Id)
            ? GraphResponse.NoContent()
            : GraphResponse.NotFound(context.RouteValues[0]);
}
