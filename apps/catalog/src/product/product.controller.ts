import { DomainError } from '@titipan/kernel';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@titipan/contracts';
import { Allow, AnyActor, CurrentActor, PageQueryDto } from '@titipan/platform';
import { CreateProductDto, OptionalReasonDto, PriceChangeDto, ProductQueryDto, ReasonDto, UpdateProductDto } from './product.dto';
import { ProductService } from './product.service';
import { ReviewDto } from './review.dto';

const ProductId = () =>
  Param(
    'id',
    new ParseUUIDPipe({
      exceptionFactory: () => new DomainError('validation', 'INVALID_ID', 'product id must be a UUID', { field: 'id' }),
    }),
  );

@ApiTags('products')
@ApiBearerAuth()
@Controller('products')
export class ProductController {
  constructor(private readonly products: ProductService) {}

  @Post()
  @Allow('upt')
  @ApiOperation({ summary: "Register a draft product of the caller's UPT" })
  create(@Body() body: CreateProductDto, @CurrentActor() actor: Actor) {
    return this.products.create(body, actor);
  }

  @Get()
  @AnyActor()
  @ApiOperation({ summary: 'List products; filter by UPT, Kanwil, category, status, text in name; paged' })
  list(@Query() query: ProductQueryDto) {
    return this.products.list(query);
  }

  @Get(':id')
  @AnyActor()
  @ApiOperation({ summary: 'One product with certificates, current price and consignable flag' })
  get(@ProductId() id: string) {
    return this.products.get(id);
  }

  @Get(':id/compliance')
  @AnyActor()
  @ApiOperation({ summary: "The approval rules' verdicts on the product today (halal, P-IRT validity, BPOM...), passed or not" })
  compliance(@ProductId() id: string) {
    return this.products.compliance(id);
  }

  @Patch(':id')
  @Allow('upt')
  @ApiOperation({ summary: 'Edit a draft (any field), or the description and certificates of a product past DRAFT' })
  update(@ProductId() id: string, @Body() body: UpdateProductDto, @CurrentActor() actor: Actor) {
    return this.products.update(id, body, actor);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Allow('upt')
  @ApiOperation({ summary: 'Submit a draft for curation' })
  submit(@ProductId() id: string, @CurrentActor() actor: Actor) {
    return this.products.submit(id, actor);
  }

  @Post(':id/revise')
  @HttpCode(200)
  @Allow('upt')
  @ApiOperation({ summary: 'Reopen a rejected product as a draft' })
  revise(@ProductId() id: string, @CurrentActor() actor: Actor) {
    return this.products.revise(id, actor);
  }

  @Post(':id/reviews')
  @Allow('curator')
  @ApiOperation({ summary: 'Approve or reject a submitted product (curator of its Kanwil); approval runs the compliance rules' })
  review(@ProductId() id: string, @Body() body: ReviewDto, @CurrentActor() actor: Actor) {
    return this.products.review(id, body, actor);
  }

  @Get(':id/reviews')
  @AnyActor()
  @ApiOperation({ summary: 'Curation reviews of a product' })
  reviews(@ProductId() id: string, @Query() page: PageQueryDto) {
    return this.products.reviews(id, page);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Allow('curator')
  @ApiOperation({ summary: 'Suspend an approved product' })
  suspend(@ProductId() id: string, @Body() body: ReasonDto, @CurrentActor() actor: Actor) {
    return this.products.suspend(id, body.reason, actor);
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @Allow('curator')
  @ApiOperation({ summary: "Reinstate a suspended product (it must pass today's approval rules)" })
  reinstate(@ProductId() id: string, @CurrentActor() actor: Actor) {
    return this.products.reinstate(id, actor);
  }

  @Post(':id/discontinue')
  @HttpCode(200)
  @Allow('upt', 'curator')
  @ApiOperation({ summary: 'Withdraw a product for good' })
  discontinue(@ProductId() id: string, @Body() body: OptionalReasonDto, @CurrentActor() actor: Actor) {
    return this.products.discontinue(id, body.reason, actor);
  }

  @Post(':id/price-changes')
  @Allow('upt')
  @ApiOperation({ summary: 'Change the retail price from a time on (now or later); returns the first page of the price history' })
  changePrice(@ProductId() id: string, @Body() body: PriceChangeDto, @CurrentActor() actor: Actor) {
    return this.products.changePrice(id, body, actor);
  }

  @Get(':id/prices')
  @AnyActor()
  @ApiOperation({ summary: 'Price history, effective-dated' })
  prices(@ProductId() id: string, @Query() page: PageQueryDto) {
    return this.products.prices(id, page);
  }
}
