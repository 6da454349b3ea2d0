import { Module } from '@nestjs/common';
import { ContactCardController } from './contact-card.controller';
import { ContactCardService } from './contact-card.service';

@Module({
  controllers: [ContactCardController],
  providers: [ContactCardService],
})
export class ContactCardModule {}
