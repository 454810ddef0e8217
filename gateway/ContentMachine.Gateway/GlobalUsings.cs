global using ContentMachine.Gateway.Routing;
global using ContentMachine.ServiceDefaults.Discovery;
