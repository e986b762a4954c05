import { Field, Int, ObjectType } from "type-graphql";
import { PaymentRail } from "./enums.ts";

@ObjectType({ description: "A bank a participant can be paid into (the rekening of pengkinian data and of a klaim)." })
export class Bank {
  @Field(() => String, { description: '3-digit bank code of Bank Indonesia\'s clearing and the ATM networks, e.g. "014" BCA' })
  code!: string;

  @Field(() => String, { description: "Bank name as shown to the member" })
  name!: string;

  @Field(() => PaymentRail, { description: "REALTIME for the partner banks (BNI, Mandiri, BRI, BCA), otherwise KLIRING" })
  rail!: PaymentRail;

  @Field(() => Boolean, { description: "Partner bank paid in real time (rail = REALTIME)" })
  realtime!: boolean;

  @Field(() => Int, { description: "Fewest digits of an account number at this bank" })
  accountNumberMinLength!: number;

  @Field(() => Int, { description: "Most digits of an account number at this bank" })
  accountNumberMaxLength!: number;
}

@ObjectType({
  description:
    "A village (kelurahan/desa) with the district, regency and province it lies in, from the official administrative " +
    "areas. The location picker of pengkinian data: pass villageCode on, and the kode pos separately.",
})
export class Wilayah {
  @Field(() => String, { description: '10 digits without dots, e.g. "3273021004" (Dago, Coblong, Kota Bandung)' })
  villageCode!: string;

  @Field(() => String, { description: "Kelurahan or desa (village) name" })
  kelurahan!: string;

  @Field(() => String, { description: "Kecamatan (district) name" })
  kecamatan!: string;

  @Field(() => String, { description: 'Regency or city as officially named, e.g. "Kota Bandung", "Kabupaten Bandung"' })
  kabupaten!: string;

  @Field(() => String, { description: "Provinsi name" })
  provinsi!: string;

  @Field(() => String, { description: "6 digits: the kecamatan's code, which a NIK of someone registered there starts with" })
  districtCode!: string;
}
