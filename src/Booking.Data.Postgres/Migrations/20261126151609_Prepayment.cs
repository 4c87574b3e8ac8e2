using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Booking.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Prepayment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "DepositAmount",
                table: "Services",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "DepositAmount",
                table: "Bookings",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HoldUntilUtc",
                table: "Bookings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "PaidAmount",
                table: "Bookings",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PaidUtc",
                table: "Bookings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PaymentChargeId",
                table: "Bookings",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderChargeId",
                table: "Bookings",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RefundDue",
                table: "Bookings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_PaymentChargeId",
                table: "Bookings",
                column: "PaymentChargeId",
                unique: true);

            // X3, ADR 0026: a booking held for payment (Status 4) occupies its time exactly as a confirmed one (Status 0),
            // so the database's last word against double booking covers both.
            migrationBuilder.Sql("ALTER TABLE \"Bookings\" DROP CONSTRAINT \"EX_Bookings_NoOverlap\";");
            migrationBuilder.Sql(
                "ALTER TABLE \"Bookings\" ADD CONSTRAINT \"EX_Bookings_NoOverlap\" "
                + "EXCLUDE USING gist (tstzrange(\"StartUtc\", \"EndUtc\", '[)') WITH &&) WHERE (\"Status\" IN (0, 4)) "
                + "DEFERRABLE INITIALLY IMMEDIATE;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"Bookings\" SET \"Status\" = 1 WHERE \"Status\" = 4;");
            migrationBuilder.Sql("ALTER TABLE \"Bookings\" DROP CONSTRAINT \"EX_Bookings_NoOverlap\";");
            migrationBuilder.Sql(
                "ALTER TABLE \"Bookings\" ADD CONSTRAINT \"EX_Bookings_NoOverlap\" "
                + "EXCLUDE USING gist (tstzrange(\"StartUtc\", \"EndUtc\", '[)') WITH &&) WHERE (\"Status\" = 0) "
                + "DEFERRABLE INITIALLY IMMEDIATE;");

            migrationBuilder.DropIndex(
                name: "IX_Bookings_PaymentChargeId",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "DepositAmount",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "DepositAmount",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "HoldUntilUtc",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "PaidAmount",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "PaidUtc",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "PaymentChargeId",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "ProviderChargeId",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "RefundDue",
                table: "Bookings");
        }
    }
}
