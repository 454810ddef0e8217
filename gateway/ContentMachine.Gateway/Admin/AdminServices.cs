using ContentMachine.Gateway.Auth;

namespace ContentMachine.Gateway.Admin;

public sealed record AdminServices(ApiKeyStore Store, ApiKeyValidator Validator, TimeProvider Time, ILogger<AdminServices> Logger);
