using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Booking.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DepositRefunded : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RefundedUtc",
                table: "Bookings",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RefundedUtc",
                table: "Bookings");
        }
    }
}
