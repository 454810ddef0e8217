using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentMachine.Storage.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ObjectLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "key",
                table: "objects",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(1024)",
                oldMaxLength: 1024);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "expires_at",
                table: "objects",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "objects",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "other");

            migrationBuilder.AddColumn<Guid>(
                name: "owner_project_id",
                table: "objects",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_objects_expires_at",
                table: "objects",
                column: "expires_at",
                filter: "expires_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_objects_owner_project_id",
                table: "objects",
                column: "owner_project_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_objects_expires_at",
                table: "objects");

            migrationBuilder.DropIndex(
                name: "ix_objects_owner_project_id",
                table: "objects");

            migrationBuilder.DropColumn(
                name: "expires_at",
                table: "objects");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "objects");

            migrationBuilder.DropColumn(
                name: "owner_project_id",
                table: "objects");

            migrationBuilder.AlterColumn<string>(
                name: "key",
                table: "objects",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1024)",
                oldMaxLength: 1024,
                oldCollation: "C");
        }
    }
}
