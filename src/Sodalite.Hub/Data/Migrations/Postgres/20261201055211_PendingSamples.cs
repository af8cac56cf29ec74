using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sodalite.Hub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PendingSamples : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PendingSamples",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SourceName = table.Column<string>(type: "text", nullable: true),
                    DataSourceName = table.Column<string>(type: "text", nullable: false),
                    DatasetName = table.Column<string>(type: "text", nullable: true),
                    CheckName = table.Column<string>(type: "text", nullable: false),
                    DataTimestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ColumnsJson = table.Column<string>(type: "text", nullable: false),
                    RowsJson = table.Column<string>(type: "text", nullable: false),
                    TotalRowCount = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingSamples", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PendingSamples_DataSourceName",
                table: "PendingSamples",
                column: "DataSourceName");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PendingSamples");
        }
    }
}
