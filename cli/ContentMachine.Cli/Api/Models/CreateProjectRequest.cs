namespace ContentMachine.Cli.Api.Models;

/// <summary>POST /api/projects.</summary>
public sealed record CreateProjectRequest(string Topic, ProjectOptionsRequest Options, bool Draft);
